/** Test helper (not a test): prints the tfjs backend that `loadTf` selects in this process. */
import { loadTf } from "../../src/forecast/lstm/tf.ts";

const tf = await loadTf();
console.log(tf.getBackend());
