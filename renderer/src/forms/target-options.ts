import type { PanelSeat, Target, Workspace } from '../../../core/src/model/workspace'

/** A record a master page can route to (or a panel seat can be), named for people. */
export interface PickOption {
  /** `pool:<id>`, `page:<id>`, `panel:<id>`, `member:<id>`: the select's value. */
  readonly value: string
  readonly label: string
}

export interface PickGroup {
  readonly label: string
  readonly options: readonly PickOption[]
}

function memberName(workspace: Workspace, id: string): string {
  return workspace.members.find((m) => m.id === id)?.name ?? 'a former member'
}

/** Targets grouped as people think of them: pools, members' booking pages, panels. */
export function targetGroups(workspace: Workspace): readonly PickGroup[] {
  return [
    {
      label: 'Pools',
      options: workspace.pools.map((p) => ({ value: `pool:${p.id}`, label: `Pool: ${p.name}` })),
    },
    {
      label: 'Members (booking pages)',
      options: workspace.bookingPages.map((b) => ({
        value: `page:${b.id}`,
        label: `${memberName(workspace, b.memberId)} (/${b.slug})`,
      })),
    },
    {
      label: 'Panels',
      options: workspace.panels.map((p) => ({ value: `panel:${p.id}`, label: `Panel: ${p.name}` })),
    },
  ]
}

/** A panel seat is a specific member or one member from a pool. */
export function seatGroups(workspace: Workspace): readonly PickGroup[] {
  return [
    {
      label: 'Members',
      options: workspace.members.map((m) => ({ value: `member:${m.id}`, label: m.name })),
    },
    {
      label: 'From a pool',
      options: workspace.pools.map((p) => ({
        value: `pool:${p.id}`,
        label: `Anyone from ${p.name}`,
      })),
    },
  ]
}

export function targetValue(target: Target | null): string {
  if (target === null) return ''
  if ('poolId' in target) return `pool:${target.poolId}`
  if ('bookingPageId' in target) return `page:${target.bookingPageId}`
  return `panel:${target.panelId}`
}

export function targetFromValue(value: string): Target | null {
  const [kind, ...rest] = value.split(':')
  const id = rest.join(':')
  if (!id) return null
  if (kind === 'pool') return { poolId: id }
  if (kind === 'page') return { bookingPageId: id }
  if (kind === 'panel') return { panelId: id }
  return null
}

export function seatValue(seat: PanelSeat): string {
  return 'memberId' in seat ? `member:${seat.memberId}` : `pool:${seat.poolId}`
}

export function seatFromValue(value: string): PanelSeat | null {
  const [kind, ...rest] = value.split(':')
  const id = rest.join(':')
  if (!id) return null
  if (kind === 'member') return { memberId: id }
  if (kind === 'pool') return { poolId: id }
  return null
}
