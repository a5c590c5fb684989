@identity @journey
Feature: Recovery is not for an initial PIN never used
  Guide 001: recovery is not for a citizen who never activated the initial PIN or lost it (they revoke it
  and ask for a new one, R22). The answer is the same as for any request; nothing is sent, and the
  operator's timeline says why.

  Background:
    Given the simulator is running

  @R15
  Scenario: the 16 characters were never replaced: the same answer, nothing sent, the timeline says why
    Given the citizen has received both halves of the PIN, by email and by post
    When the citizen asks to recover the PIN giving the mobile number and the email address
    Then the citizen is told only that the request was accepted, exactly as for a fiscal code unknown to INPS
    And no codice di ripristino reaches the citizen
    And the citizen's timeline says the recovery was refused because "initial-pin-not-activated"
