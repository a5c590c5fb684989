@identity
Feature: Activating the PIN ("Gestisci il tuo PIN" → "Attiva PIN")
  When the first half comes by post, the citizen activates the PIN with the codice fiscale, the first
  half and the data of the tessera sanitaria; only then is the second half sent. The initial PIN must
  be activated within 90 days of the request.

  Background:
    Given the simulator is running
    And I requested a PIN to be delivered by post first
    And the letter with the first half has reached me

  @R04
  Scenario: a health card that is not mine is refused, and nothing is sent
    When I activate my PIN giving a health card that is not mine
    Then the activation is refused without saying which detail was wrong
    And no second half of my PIN has been sent to me

  @R04 @R05
  Scenario: activation on day 89 sends the second half
    When it is day 89 after my request
    And I activate my PIN with my fiscal code, the first half and my health card
    Then the second 8 characters of my PIN reach me by email

  @R05
  Scenario: on day 91 the initial PIN has expired and a new request is needed
    When it is day 91 after my request
    And I activate my PIN with my fiscal code, the first half and my health card
    Then I am told that my initial PIN has expired and I must request a new one
    And I can request a new PIN
