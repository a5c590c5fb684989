// One line gives this project the simulator's World, parameter types, hooks and every step (docs/steps.md).
import "@inps-sim/cucumber";
