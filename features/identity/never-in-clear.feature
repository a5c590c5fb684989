@identity
Feature: The PIN is never shared, stored or logged in clear
  Nobody at INPS can read a citizen's PIN: only the citizen receives it, in two halves.

  @R14
  Scenario: the operator's view of my PIN request shows the deliveries, never the PIN
    Given the simulator is running
    And I have received both halves of my PIN
    When an INPS operator looks at my timeline
    Then it shows my request and both halves sent, but never my PIN
