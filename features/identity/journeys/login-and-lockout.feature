@identity @journey
Feature: Logging in with codice fiscale and PIN, and the block after a wrong PIN
  Guide 000: login is codice fiscale plus PIN. Guide 002: a wrong PIN (one wrong or swapped character)
  blocks every service for about 3 minutes; repeating the error imposes another 3 minutes, until the
  right PIN is given.

  Background:
    Given the simulator is running
    And a citizen whose PIN is "Vento3Lu"

  @R07
  Scenario: the fiscal code and the PIN open a session
    When the citizen logs in with the fiscal code and the PIN
    Then the citizen is logged in, with nothing to do first
    And the citizen's page shows the fiscal code and when the PIN must be renewed
    When the citizen logs out
    Then the session no longer opens the citizen's page

  @R08 @ui
  Scenario Outline: the right PIN <elapsed> after a PIN with <mistake>
    When the citizen logs in with the PIN but <mistake>
    Then the citizen is told that the fiscal code or the PIN is wrong
    When <elapsed> pass
    And the citizen logs in with the fiscal code and the PIN
    Then <outcome>

    Examples:
      | mistake                | elapsed     | outcome                                                            |
      | one character wrong    | 1 minute    | the citizen is told that access is blocked for another 120 seconds |
      | two characters swapped | 170 seconds | the citizen is told that access is blocked for another 10 seconds  |
      | one character wrong    | 3 minutes   | the citizen is logged in, with nothing to do first                 |

  @R08 @ui
  Scenario: the right PIN during a block is refused and does not make the block longer
    When the citizen logs in with the PIN but one character wrong
    And 2 minutes pass
    And the citizen logs in with the fiscal code and the PIN
    Then the citizen is told that access is blocked for another 60 seconds
    When the citizen logs in with the fiscal code and the PIN
    Then the citizen is told that access is blocked for another 60 seconds
    When 1 minute passes
    And the citizen logs in with the fiscal code and the PIN
    Then the citizen is logged in, with nothing to do first

  @R08
  Scenario: repeating the error imposes another 3 minutes each time, until the right PIN is given
    When the citizen logs in with the PIN but one character wrong
    And 3 minutes pass
    And the citizen logs in with the PIN but two characters swapped
    Then the citizen is told that the fiscal code or the PIN is wrong
    When the citizen logs in with the fiscal code and the PIN
    Then the citizen is told that access is blocked for another 180 seconds
    When 3 minutes pass
    And the citizen logs in with the PIN but one character wrong
    Then the citizen is told that the fiscal code or the PIN is wrong
    When 3 minutes pass
    And the citizen logs in with the fiscal code and the PIN
    Then the citizen is logged in, with nothing to do first
    And the citizen's timeline shows 3 blocks, one for each wrong PIN

  @R07 @R08
  Scenario: a fiscal code nobody holds gets the same answer as the citizen's wrong PIN
    When the citizen logs in with the PIN but one character wrong
    And someone logs in with a fiscal code nobody holds
    Then the answer is the same as the citizen's
