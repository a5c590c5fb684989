Feature: Our portal signs citizens in with the INPS PIN
  Our team's own scenario, written with the simulator's steps and one of ours.

  Scenario: a citizen with a PIN signs in and our portal greets them
    Given the simulator is running
    And a citizen whose PIN is "Vento3Lu"
    When the citizen logs in with the fiscal code and the PIN
    Then the citizen is logged in, with nothing to do first
    And our portal would greet the citizen by fiscal code
