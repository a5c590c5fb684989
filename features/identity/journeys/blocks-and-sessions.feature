@identity @journey
Feature: A block stops every service, and a change of PIN ends every session
  Guide 002: a wrong PIN blocks every service for about 3 minutes, also for a session opened before it.
  Guide 000, step 8: after changing the PIN the citizen returns to the portal and logs in again with the
  new PIN: the session in which the PIN was changed ends too.

  Background:
    Given the simulator is running
    And a citizen whose PIN is "Vento3Lu"
    And the citizen has logged in with the PIN

  @R08
  Scenario: a session opened before a wrong PIN is refused every service while the block lasts
    When the citizen logs in with the PIN but one character wrong
    Then the open session is refused the estratto conto contributivo, because access is blocked
    And the open session is refused the citizen's page, because access is blocked
    When 3 minutes pass
    Then the open session consults the estratto conto contributivo

  @R08
  Scenario: during a block the citizen can still log out
    When the citizen logs in with the PIN but one character wrong
    And the citizen logs out
    Then the session no longer opens the citizen's page

  @R34 @R09 @R11
  Scenario: the session in which the PIN was changed ends too; the citizen logs in again with the new PIN
    When the citizen chooses "Prato8Zk" as the new PIN and confirms it with the code sent by email
    Then the citizen sees that the PIN has been changed
    And the session in which the PIN was changed has ended
    And the citizen logs in with the new PIN, with nothing to do first
