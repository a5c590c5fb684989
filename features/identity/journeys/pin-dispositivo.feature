@identity @journey
Feature: The services behind the PIN, and converting it into a PIN dispositivo
  An ordinary PIN opens the consultation services; applications for economic benefits need a PIN
  dispositivo. The citizen converts the PIN online ("Converti PIN"): gives an identity document, prints
  the form, signs it and sends it back, uploaded or on paper; INPS decides and says so by email.

  Background:
    Given the simulator is running
    And a citizen whose PIN is "Gatto7Bl"
    And the citizen has logged in with the PIN

  @R27 @R32
  Scenario: an ordinary PIN reads the consultation documents but cannot submit an application
    Then the citizen reads the Certificazione Unica, the pension slip, the contribution years and the status of applications
    When the citizen applies for NASpI
    Then the application is refused because it needs a PIN dispositivo, saying how to convert the PIN

  @R28 @R29
  Scenario: the second screen shows the personal data, and the contacts are edited from there
    When the citizen opens "Converti PIN"
    Then the screen shows the citizen's personal data and contacts, with a way to edit the contacts
    When the citizen changes the mobile number to a new one
    And the citizen enters the verification code received by SMS on the new number
    And the citizen refreshes the Converti PIN screen
    Then the Converti PIN screen shows the new mobile number

  @R27 @R28 @R30 @R31
  Scenario: converted by uploading the signed form and the document, the PIN submits the application
    When the citizen asks to convert the PIN giving the carta d'identità "CA12345AB"
    Then the form to sign shows the citizen's personal data, contacts and the request number
    When the citizen uploads the signed form as a PDF and the identity document as a JPEG
    Then the request waits in the operators' queue with both files
    When an operator approves the request
    Then the citizen is told by email that the PIN is now dispositivo
    And after logging in again the citizen's page says the PIN is dispositivo
    And the citizen applies for NASpI and the application appears in the status of applications

  @R31
  Scenario: the signed form arrives by fax
    When the citizen asks to convert the PIN giving the carta d'identità "CA12345AB"
    And an operator registers the signed form received by fax
    And an operator approves the request
    Then after logging in again the citizen's page says the PIN is dispositivo

  @R31
  Scenario: a rejected request, and a new one
    When the citizen asks to convert the PIN giving the carta d'identità "CA12345AB"
    And an operator registers the signed form received at an INPS office
    And an operator rejects the request because "La firma non corrisponde al documento"
    Then the citizen is told by email why the request was rejected
    And the citizen's page says the PIN is ordinary
    When the citizen asks to convert the PIN giving the passaporto "YA1234567"
    Then the new request waits for its signed form

  @R30
  Scenario: an expired identity document is refused
    When the citizen asks to convert the PIN giving a carta d'identità that expired last year
    Then the conversion is refused, naming the field "identityDocument.expiryDate"

  @R31
  Scenario: an upload that is a text file renamed to .pdf is refused and nothing is stored
    When the citizen asks to convert the PIN giving the carta d'identità "CA12345AB"
    And the citizen uploads a text file named "modulo.pdf" as the signed form
    Then the upload is refused as a file that is not a PDF, PNG or JPEG
    And the request still waits for its signed form, with nothing stored
