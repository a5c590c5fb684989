@identity @journey
Feature: The PIN is never shown back, stored or logged in clear
  Guide 000: the PIN is never to be shared. Only the citizen receives it, in two halves; nothing INPS
  answers or records shows it again, not even to its own operators.

  @R14
  Scenario: neither the answers nor the operator's timeline of the citizen show a PIN, a half or a code
    Given the simulator is running
    And the citizen has received both halves of the PIN, by email and by post
    When the citizen logs in with the fiscal code and the 16 characters
    And the citizen chooses "Brezza7K" as the new PIN and confirms it with the code sent by email
    And the citizen chooses "Passw0rd" as the new PIN
    And the citizen logs in with the PIN but one character wrong
    And 3 minutes pass
    And the citizen logs in with the fiscal code and the PIN
    Then no answer the citizen received shows a PIN, a half of it or a verification code
    And an INPS operator sees on the citizen's timeline the request, both halves sent, the logins, the block and the change
    But nothing on the timeline shows a PIN, a half of it or a verification code
    And the outbox on the control plane shows no PIN, half or code either
    And no line the services have logged shows a PIN, a half of it or a verification code
