@identity @journey
Feature: The personal data must match the codice fiscale
  "Richiedi PIN" asks for the codice fiscale and the anagrafica. INPS checks one against the other and,
  when they disagree, says which detail does not match.

  Background:
    Given the simulator is running

  @R01
  Scenario Outline: <detail> that does not match the codice fiscale is refused, naming the field
    When the citizen asks online for a PIN giving <detail> that does not match the fiscal code
    Then the request is refused, naming the field "<field>"
    And nothing has been sent to the citizen

    Examples:
      | detail                  | field      |
      | a different birth date  | birthDate  |
      | a different sex         | gender     |
      | a different surname     | lastName   |
      | a different name        | firstName  |
      | a different birth place | birthPlace |

  @R01
  Scenario: a codice fiscale with a wrong check character is refused
    When the citizen asks online for a PIN with a fiscal code whose check character is wrong
    Then the request is refused, naming the field "fiscalCode"

  @R01
  Scenario: a request without the address of residence is refused in Italian, naming the field in words
    When the citizen asks online for a PIN without giving the address of residence
    Then the request is refused, naming the field "residence"
    And the refusal says in Italian that the "indirizzo di residenza" is missing
