/**
 * Benchmark runner.
 *
 *   npx tsx bench/run.ts [--json] [--filter TEXT] [--in-process]
 *   npx tsx bench/run.ts --scenario FILE [--json] [--verify]
 *
 * Without `--scenario` it runs every registered group (Teamslot's own generated team); with it,
 * the shared `peer-bench-scenario/v1` yardstick. Each case runs in its own process so peak RSS is
 * per case (`--in-process` runs them here instead). Output: a table, or with `--json` one JSON
 * object per line `{"name","size","medianMs","slots","peakRssMb","firstMs","iterations"}`.
 * `--verify` also checks the scenario's slots against a naive reference implementation.
 */

import { spawnSync } from 'node:child_process'
import './availability-cases'
import './decision-cases'
import './calendar-cases'
import './conflicts-cases'
import { type BenchResult, benchMeasure } from './measure'
import { type BenchCase, benchListCases } from './registry'
import { scenarioCases } from './scenario-cases'
import { scenarioVerify } from './scenario-reference'

interface Options {
  readonly json: boolean
  readonly scenario: string | null
  readonly filter: string | null
  readonly inProcess: boolean
  readonly child: string | null
  readonly verify: boolean
}

function parseOptions(argv: readonly string[]): Options {
  const valueOf = (flag: string): string | null => {
    const at = argv.indexOf(flag)
    if (at < 0) return null
    const value = argv[at + 1]
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`)
    return value
  }
  const known = new Set(['--json', '--scenario', '--filter', '--in-process', '--child', '--verify'])
  for (const arg of argv) {
    if (arg.startsWith('--') && !known.has(arg)) throw new Error(`Unknown option ${arg}`)
  }
  return {
    json: argv.includes('--json'),
    scenario: valueOf('--scenario'),
    filter: valueOf('--filter'),
    inProcess: argv.includes('--in-process'),
    child: valueOf('--child'),
    verify: argv.includes('--verify'),
  }
}

function casesFor(
  options: Options,
): readonly { readonly key: string; readonly benchCase: BenchCase }[] {
  const all =
    options.scenario === null
      ? benchListCases()
      : scenarioCases(options.scenario).map((benchCase) => ({
          key: `scenario/${benchCase.name}`,
          benchCase,
        }))
  const filter = options.filter
  return filter === null ? all : all.filter(({ key }) => key.includes(filter))
}

function runIsolated(key: string, options: Options): BenchResult {
  const script = process.argv[1]
  if (script === undefined) throw new Error('Cannot find the runner script')
  const args = [...process.execArgv, script, '--child', key]
  if (options.scenario !== null) args.push('--scenario', options.scenario)
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const line = child.stdout.trim().split('\n').at(-1)
  if (child.status !== 0 || line === undefined) throw new Error(`Case ${key} failed`)
  return JSON.parse(line) as BenchResult
}

const COLUMNS = ['case', 'size', 'median ms', 'first ms', 'slots', 'peak RSS MB', 'runs'] as const

function tableRow(result: BenchResult): readonly string[] {
  return [
    result.name,
    String(result.size),
    result.medianMs.toFixed(2),
    result.firstMs.toFixed(2),
    String(result.slots),
    result.peakRssMb.toFixed(1),
    String(result.iterations),
  ]
}

function printTable(rows: readonly (readonly string[])[]): void {
  const widths = COLUMNS.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  )
  const format = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
  console.log(format(COLUMNS))
  console.log(widths.map((width) => '-'.repeat(width)).join('  '))
  for (const row of rows) console.log(format(row))
}

function main(): void {
  const options = parseOptions(process.argv.slice(2))
  const cases = casesFor(options)
  if (options.child !== null) {
    const found = cases.find(({ key }) => key === options.child)
    if (found === undefined) throw new Error(`No case ${options.child}`)
    console.log(JSON.stringify(benchMeasure(found.benchCase)))
    return
  }
  if (cases.length === 0) throw new Error('No case matches')
  const rows: string[][] = []
  for (const { key, benchCase } of cases) {
    const result = options.inProcess ? benchMeasure(benchCase) : runIsolated(key, options)
    if (options.json) {
      console.log(
        JSON.stringify({
          name: result.name,
          size: result.size,
          medianMs: result.medianMs,
          slots: result.slots,
          peakRssMb: result.peakRssMb,
          firstMs: result.firstMs,
          iterations: result.iterations,
        }),
      )
    } else {
      rows.push([...tableRow(result)])
    }
  }
  if (!options.json) printTable(rows)
  if (options.verify && options.scenario !== null) {
    const report = scenarioVerify(options.scenario)
    if (options.json) console.log(JSON.stringify({ name: 'scenario-verify', ...report }))
    else console.log(`\nverify: ${report.ok ? 'OK' : 'MISMATCH'} — ${report.detail}`)
    if (!report.ok) process.exitCode = 1
  }
}

main()
