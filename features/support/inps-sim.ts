// The simulator's World, parameter types, hooks and steps: this suite uses them as any other team's does.
import "@inps-sim/cucumber";
