@identity @journey
Feature: The contact centre (803 164 from landlines, 06 164 164 from mobiles)
  Guides 003 and 004: the contact centre can add a contact, request a PIN and revoke one on behalf of a
  caller it has identified. INPS's timeline of the citizen records which operator did what.

  Background:
    Given the simulator is running

  @R26 @R25
  Scenario: a contact added by an operator is in use at once, and the timeline names the operator
    Given a citizen whose PIN is "Vento3Lu"
    When the citizen phones the contact centre and, once identified, an operator adds a PEC address
    Then the operator sees the PEC among the citizen's contacts, masked
    And the citizen's timeline shows the contact added, with the id of the operator who added it
    And an email tells the citizen that the contacts of the PIN were changed through the contact centre
    When the citizen logs in with the fiscal code and the PIN
    Then the citizen's contacts show the PEC, masked
