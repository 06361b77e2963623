/**
 * Side-by-side layout of overlapping blocks in one calendar column: blocks that overlap share the
 * width in lanes (a cluster of overlapping blocks gets as many lanes as it needs at its busiest);
 * when a cluster needs more lanes than fit, the last lane shows a count of the blocks that do
 * not fit instead of slivers nobody can read. Times are minutes from the column's top,
 * intervals half-open `[top, top + height)`.
 */

export interface LaneItem {
  readonly id: string
  readonly topMin: number
  readonly heightMin: number
}

export interface PlacedBlock<T extends LaneItem> {
  readonly item: T
  /** 0-based lane, and how many lanes its cluster has (width = 1 / lanes). */
  readonly lane: number
  readonly lanes: number
}

/** Blocks of a cluster that did not fit, drawn as one "+N" count in the last lane. */
export interface LaneOverflow<T extends LaneItem> {
  readonly topMin: number
  readonly heightMin: number
  readonly items: readonly T[]
  readonly lane: number
  readonly lanes: number
}

export interface LaneLayout<T extends LaneItem> {
  readonly placed: readonly PlacedBlock<T>[]
  readonly overflow: readonly LaneOverflow<T>[]
}

/**
 * Lays out `items` (any order) with at most `maxLanes` lanes per cluster (at least 1). Items are
 * assigned greedily by start, then longer first, each to the first lane free at its start.
 */
export function blockLanes<T extends LaneItem>(
  items: readonly T[],
  maxLanes: number,
): LaneLayout<T> {
  const limit = Math.max(1, Math.floor(maxLanes))
  const sorted = items.toSorted(
    (a, b) => a.topMin - b.topMin || b.heightMin - a.heightMin || a.id.localeCompare(b.id),
  )
  const placed: PlacedBlock<T>[] = []
  const overflow: LaneOverflow<T>[] = []
  let cluster: { item: T; lane: number }[] = []
  let clusterEnd = -Infinity

  const closeCluster = () => {
    if (cluster.length === 0) return
    const needed = Math.max(...cluster.map((c) => c.lane)) + 1
    if (needed <= limit) {
      for (const c of cluster) placed.push({ item: c.item, lane: c.lane, lanes: needed })
    } else {
      const hidden = cluster.filter((c) => c.lane >= limit - 1).map((c) => c.item)
      for (const c of cluster) {
        if (c.lane < limit - 1) placed.push({ item: c.item, lane: c.lane, lanes: limit })
      }
      const top = Math.min(...hidden.map((h) => h.topMin))
      const bottom = Math.max(...hidden.map((h) => h.topMin + h.heightMin))
      overflow.push({
        topMin: top,
        heightMin: bottom - top,
        items: hidden,
        lane: limit - 1,
        lanes: limit,
      })
    }
    cluster = []
  }

  const laneEnds: number[] = []
  for (const item of sorted) {
    if (item.topMin >= clusterEnd) {
      closeCluster()
      laneEnds.length = 0
    }
    let lane = laneEnds.findIndex((end) => end <= item.topMin)
    if (lane < 0) lane = laneEnds.length
    laneEnds[lane] = item.topMin + item.heightMin
    cluster.push({ item, lane })
    clusterEnd = Math.max(clusterEnd, item.topMin + item.heightMin)
  }
  closeCluster()
  return { placed, overflow }
}
