@identity @journey
Feature: The PIN must be renewed 180 days after its last change
  Guide 004: "scade ogni 6 mesi". 180 days after the last change the next login leads only to renewing it.

  Background:
    Given the simulator is running

  @R13
  Scenario: on day 180 the login leads only to renewing the PIN
    Given a citizen whose PIN is "Vento3Lu"
    When 179 days pass
    And the citizen logs in with the fiscal code and the PIN
    Then the citizen is logged in, with nothing to do first
    When 1 day passes
    And the citizen logs in with the fiscal code and the PIN
    Then the citizen must first renew the expired PIN
    And the citizen's page says the PIN must be renewed first
    When the citizen chooses "Nuovo5Pk" as the new PIN and confirms it with the code sent by email
    Then the citizen sees that the PIN has been changed
    And the citizen logs in with the new PIN, with nothing to do first
    And the citizen's page shows the PIN must be renewed 180 days from now

  @R13
  Scenario Outline: a PIN last changed <days> days ago
    Given a citizen whose PIN "Vento3Lu" was last changed <days> days ago
    When the citizen logs in with the fiscal code and the PIN
    Then <outcome>

    Examples:
      | days | outcome                                            |
      | 179  | the citizen is logged in, with nothing to do first |
      | 180  | the citizen must first renew the expired PIN       |
      | 400  | the citizen must first renew the expired PIN       |
