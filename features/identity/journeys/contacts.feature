@identity @journey
Feature: Keeping the contacts up to date ("modifica contatti PIN")
  Guide 003: the email, PEC and mobile number of the PIN are kept up to date online, which requires the
  PIN. A code sent to the new contact confirms the change, and nothing changes until it does; the
  previous contact is told. At least one digital contact always remains.

  Background:
    Given the simulator is running
    And a citizen whose PIN is "Vento3Lu"
    And the citizen has logged in with the PIN

  @R25
  Scenario: a new email, confirmed with the code sent to it
    When the citizen changes the email to a new address
    Then the citizen is told that a verification code was sent to the new address, shown masked
    And the citizen's contacts still show the old email
    When the citizen enters the verification code received at the new address
    Then the citizen's contacts show the new email, masked
    And the old address is told that the contacts of the PIN were changed

  @R25
  Scenario: a new mobile number, confirmed with the code sent to it by SMS
    When the citizen changes the mobile number to a new one
    And the citizen enters the verification code received by SMS on the new number
    Then the citizen's contacts show the new mobile number, masked

  @R25
  Scenario: a wrong code is refused and changes nothing; the right one still works
    When the citizen changes the email to a new address
    And the citizen enters a contact verification code other than the one received
    Then the contact verification code is refused as wrong, with attempts left
    And the citizen's contacts still show the old email
    When the citizen enters the verification code received at the new address
    Then the citizen's contacts show the new email, masked

  @R25
  Scenario: without the code nothing changes
    When the citizen changes the email to a new address
    And 16 minutes pass
    Then the citizen's contacts still show the old email
    When the citizen enters the verification code received at the new address
    Then the contact verification code is refused as expired
    And the citizen's contacts still show the old email

  @R25
  Scenario: the last digital contact cannot be removed
    When the citizen removes the mobile number and confirms with the code sent by email
    Then the citizen's contacts show no mobile number
    When the citizen removes the email
    Then the change is refused because at least one contact must remain
    And the citizen's contacts still show the old email
