@identity
Feature: The PIN must be renewed 180 days after its last change
  "Scade ogni 6 mesi": 180 days after the last change the next login leads straight to renewing it.

  Background:
    Given the simulator is running
    And I have an active PIN "Vento3Lu"

  @R13
  Scenario: 180 days after the last change I must renew my PIN
    When 179 days pass
    And I log in with my PIN
    Then I am logged in with nothing to do first
    When 1 day passes
    And I log in with my PIN
    Then I am asked to renew my expired PIN before anything else
    When I choose "Nuovo5Pk" as my new PIN and confirm it
    And I confirm the change with the code sent to my email
    Then my PIN is changed
    When I log in with "Nuovo5Pk"
    Then I am logged in with nothing to do first
