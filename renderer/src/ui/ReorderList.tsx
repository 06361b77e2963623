import type { ReactNode } from 'react'
import { Button, GridList, GridListItem, useDragAndDrop } from 'react-aria-components'

export interface ReorderItem {
  readonly id: string
  /** What the item is called (screen readers, typeahead). */
  readonly name: string
}

export interface ReorderListProps<T extends ReorderItem> {
  readonly label: string
  readonly items: readonly T[]
  readonly onReorder: (items: readonly T[]) => void
  /** The item's content after its drag handle (name, controls). */
  readonly children: (item: T, index: number) => ReactNode
}

function moved<T extends ReorderItem>(
  items: readonly T[],
  keys: ReadonlySet<string>,
  targetId: string,
  position: 'before' | 'after' | 'on',
): T[] {
  const moving = items.filter((item) => keys.has(item.id))
  const rest = items.filter((item) => !keys.has(item.id))
  let at = rest.findIndex((item) => item.id === targetId)
  if (at < 0) return [...items]
  if (position === 'after') at += 1
  return [...rest.slice(0, at), ...moving, ...rest.slice(at)]
}

/**
 * An ordered list people rearrange by dragging (React Aria: with the mouse, or by keyboard via
 * each item's drag handle) or with the Move up / Move down buttons.
 */
export function ReorderList<T extends ReorderItem>({
  label,
  items,
  onReorder,
  children,
}: ReorderListProps<T>) {
  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) => [...keys].map((key) => ({ 'text/plain': String(key) })),
    onReorder: (event) =>
      onReorder(
        moved(
          items,
          new Set([...event.keys].map(String)),
          String(event.target.key),
          event.target.dropPosition,
        ),
      ),
  })
  const move = (index: number, by: number) => {
    const next = [...items]
    const [item] = next.splice(index, 1)
    if (item) next.splice(index + by, 0, item)
    onReorder(next)
  }
  return (
    <GridList
      aria-label={label}
      items={items}
      dragAndDropHooks={dragAndDropHooks}
      className="reorder-list"
      renderEmptyState={() => <span className="muted small">None yet.</span>}
    >
      {(item) => {
        const index = items.findIndex((i) => i.id === item.id)
        return (
          <GridListItem id={item.id} textValue={item.name} className="reorder-item">
            <Button slot="drag" className="drag-handle" aria-label={`Drag ${item.name}`}>
              ⠿
            </Button>
            <span className="small muted">{index + 1}.</span>
            {children(item, index)}
            <span className="spacer" />
            <Button
              className="btn btn-icon"
              aria-label={`Move ${item.name} up`}
              isDisabled={index === 0}
              onPress={() => move(index, -1)}
            >
              ↑
            </Button>
            <Button
              className="btn btn-icon"
              aria-label={`Move ${item.name} down`}
              isDisabled={index === items.length - 1}
              onPress={() => move(index, 1)}
            >
              ↓
            </Button>
          </GridListItem>
        )
      }}
    </GridList>
  )
}
