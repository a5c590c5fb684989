@identity @journey
Feature: The PIN by email, PEC or SMS first, then by post (profile digital-then-post)
  Guides 004 and 001: the citizen asks for the PIN online ("Richiedi PIN") with the codice fiscale, the
  residence and the personal data. The first 8 of the 16 characters arrive at once by email, PEC or SMS;
  the other 8 travel by posta ordinaria to the residence. At the first access the 16 characters must be
  replaced by a PIN of 8.

  Background:
    Given the simulator is running

  @R01 @R02 @R03 @R06 @R07
  Scenario Outline: the first half by <channel>, the second by letter, then the first access
    When the citizen asks online for a PIN, with the first half by <channel>
    Then INPS accepts the request, to be activated within 90 days
    And the first half of the PIN reaches the citizen by <channel>
    And a letter with the second half is posted by posta ordinaria to the citizen's residence
    But the letter is not in the citizen's letterbox yet
    When 2 weeks pass
    Then the citizen finds the letter with the second half in the letterbox
    And the two halves together make a PIN of 16 letters and digits, unique to the citizen
    When the citizen logs in with the fiscal code and the 16 characters
    Then the citizen must first replace them with a PIN of 8 characters

    Examples:
      | channel |
      | email   |
      | SMS     |
      | PEC     |

  @R01 @R03
  Scenario: without an email, a PEC or a mobile number the first half could not reach the citizen
    When the citizen asks online for a PIN giving no email, PEC or mobile number
    Then the request is refused, naming the contacts

  @R01
  Scenario: one PIN at a time
    Given the citizen has asked online for a PIN, with the first half by email
    When the citizen asks online for a PIN, with the first half by SMS
    Then the request is refused because the citizen already has a PIN

  @R01 @R26
  Scenario: a PIN asked for through the contact centre (803 164) travels the same way
    When the citizen phones the contact centre and an operator asks for a PIN on the citizen's behalf
    Then INPS accepts the request, to be activated within 90 days
    And the first half of the PIN reaches the citizen by email
    And a letter with the second half is posted by posta ordinaria to the citizen's residence
    And the citizen's timeline shows that the request came through the contact centre
