@identity @journey
Feature: Only a PIN in use can be converted
  The conversion starts from a working ordinary PIN: a citizen who must first replace the 16 characters
  received by email and post cannot ask yet.

  Background:
    Given the simulator is running

  @R28
  Scenario: conversion asked while the first PIN must still be replaced
    Given the citizen has received both halves of the PIN, by email and by post
    When the citizen logs in with the fiscal code and the 16 characters
    And the citizen asks to convert the PIN giving the carta d'identità "CA12345AB"
    Then the conversion is refused until the PIN is replaced
