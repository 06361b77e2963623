import { afterAll } from 'vitest'
import { tempDirsRemove } from './temp-dirs'

// `npm test` gives every suite its own TMPDIR and removes it; this also keeps a plain
// `vitest run` from leaving a store per test behind.
afterAll(() => tempDirsRemove())
