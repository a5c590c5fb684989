@identity
Feature: Requesting the PIN and receiving it in two halves
  A citizen asks for the INPS PIN online ("Richiedi PIN") with the codice fiscale, the residence and
  the personal data. The 16 characters of the PIN arrive in two halves of 8, over two different channels.

  Background:
    Given the simulator is running

  @R01 @R02 @R03
  Scenario: the first half arrives by email at once and the second by post
    When I request a PIN online, choosing to receive the first half by email
    Then my request is accepted
    And I am told the PIN must be activated within 90 days
    And the first 8 characters of my PIN reach me by email
    And a letter with the other 8 characters is on its way to my home
    When 3 weeks pass
    Then the letter has been delivered to my home
    And the two halves together make a PIN of 16 letters and digits

  @R03
  Scenario Outline: the first half can travel by <channel>
    When I request a PIN online, choosing to receive the first half by <channel>
    Then my request is accepted
    And the first 8 characters of my PIN reach me by <channel>
    And a letter with the other 8 characters is on its way to my home

    Examples:
      | channel |
      | email   |
      | SMS     |
      | PEC     |

  @R03 @R04
  Scenario: the first half arrives by post, the second by email only after activation
    When I request a PIN online, choosing to receive the first half by post
    Then my request is accepted
    And a letter with the first 8 characters and the activation instructions is on its way to my home
    And no second half of my PIN has been sent to me
    When 3 weeks pass
    Then the letter has been delivered to my home
    When I activate my PIN with my fiscal code, the first half and my health card
    Then the second 8 characters of my PIN reach me by email
    When I log in with my fiscal code and the 16 characters
    Then I am asked to choose a new PIN of 8 characters before anything else

  @R01
  Scenario: personal data that do not match the codice fiscale are refused
    When I request a PIN online giving a birth date that does not match my fiscal code
    Then my request is refused, pointing at the birth date

  @R01 @R03
  Scenario: without an email, a PEC or a mobile number one half could not reach me
    When I request a PIN online without giving any email, PEC or mobile number
    Then my request is refused because one half of the PIN could not reach me

  @R01
  Scenario: one PIN at a time
    When I request a PIN online, choosing to receive the first half by email
    Then my request is accepted
    And I cannot request a second PIN while this one is valid

  @R01
  Scenario: the PIN can also be requested through the contact centre
    When I call the contact centre and ask for a PIN, giving my personal data
    Then my request is accepted
    And the operator sees my request on my timeline
    And the first 8 characters of my PIN reach me by email
    And a letter with the other 8 characters is on its way to my home
