@identity
Feature: Logging in, and the block after a wrong PIN
  Login is codice fiscale plus PIN. A wrong PIN (one wrong or swapped character) blocks every service
  for about 3 minutes; repeating the error imposes another 3 minutes, until the right PIN is given.

  Background:
    Given the simulator is running
    And I have an active PIN "Vento3Lu"

  @R07
  Scenario: my fiscal code and my PIN let me in
    When I log in with my PIN
    Then I am logged in with nothing to do first

  @R08
  Scenario: a wrong PIN blocks me for about 3 minutes, then the right one lets me in
    When I log in with a wrong PIN
    Then I am told the fiscal code or the PIN is wrong
    When 1 minute passes
    And I log in with my PIN
    Then I am told access is blocked for about 2 more minutes
    When 2 minutes pass
    And I log in with my PIN
    Then I am logged in

  @R08
  Scenario: two swapped characters count as a wrong PIN
    When I log in with two characters of my PIN swapped
    Then I am told the fiscal code or the PIN is wrong
    When I log in with my PIN
    Then I am told access is blocked for about 3 more minutes

  @R08
  Scenario: the right PIN during a block is refused too, and does not make the block longer
    When I log in with a wrong PIN
    And 2 minutes pass
    And I log in with my PIN
    Then I am told access is blocked for about 1 more minute
    When 1 minute passes
    And I log in with my PIN
    Then I am logged in

  @R08
  Scenario: repeating the error after a block imposes another 3 minutes
    When I log in with a wrong PIN
    And 3 minutes pass
    And I log in with a wrong PIN
    Then I am told the fiscal code or the PIN is wrong
    When I log in with my PIN
    Then I am told access is blocked for about 3 more minutes
    When 3 minutes pass
    And I log in with my PIN
    Then I am logged in

  @R07 @R08
  Scenario: a fiscal code nobody holds gets the same answer as a wrong PIN
    When I log in with a wrong PIN
    And someone tries to log in with a fiscal code nobody holds
    Then the answer is the same as for a wrong PIN
