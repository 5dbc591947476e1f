/** English function words that carry no topic; kept short so that negations and modals still count. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then else of in on at to for from by with about as into onto upon over under ' +
    "this that these those there here it its it’s it's is are was were be been being am do does did done " +
    'have has had having he she they we you i me him her them us my your his their our mine yours ' +
    'who whom whose which what when where why how all any both each few more most other some such ' +
    'only own same so than too very s t can just also well even still yet ' +
    'said say says told tell according mr ms mrs dr'
  ).split(/\s+/),
);

/** The possessive ending, a token of its own ("Moody" "'s"). */
export const POSSESSIVE_ENDINGS: ReadonlySet<string> = new Set(["'s", '’s']);
