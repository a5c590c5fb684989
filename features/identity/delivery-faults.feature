@identity @faults
Feature: A gateway that is down delays a half, never loses or doubles it
  Every message leaves through an outbox written with the request; the dispatcher retries with
  growing pauses until the gateway answers, with the same idempotency key each time.

  @R03
  Scenario: the SMS service is down while my PIN is issued, then recovers
    Given the simulator is running
    And the SMS service is down
    And the postal service is down
    When I request a PIN online, choosing to receive the first half by SMS
    Then my request is accepted
    And neither half of my PIN has left INPS yet
    When the SMS service is back up
    And the postal service is back up
    And 2 minutes pass
    Then exactly one SMS with the first half of my PIN has reached me
    And exactly one letter with the second half is on its way to my home
