/**
 * React Aria copies each event it handles with an object spread (`{ ...event }`, in
 * `createEventHandler`), which keeps React's synthetic events whole (their fields are own
 * properties) but drops every field of a native DOM event (`key`, `target`, `shiftKey`… are
 * getters on the prototype). Preact hands handlers native events, so without this the calendar
 * ignores the arrow keys. Preact's event hook gives each event own enumerable getters for its
 * prototype's fields, read when the spread happens (so `currentTarget` is still right).
 */
import { options } from 'preact'

/** Each event prototype's getter names (its whole chain up to Object.prototype), found once. */
const gettersByPrototype = new Map<object, readonly string[]>()

function getterNames(prototype: object): readonly string[] {
  const known = gettersByPrototype.get(prototype)
  if (known) return known
  const names: string[] = []
  for (
    let level: object | null = prototype;
    level && level !== Object.prototype;
    level = Object.getPrototypeOf(level) as object | null
  ) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(level))) {
      if (descriptor.get && !names.includes(name)) names.push(name)
    }
  }
  gettersByPrototype.set(prototype, names)
  return names
}

/** Makes `event`'s prototype fields own, enumerable getters (see the module comment). */
export function eventFieldsOwn<T extends object>(event: T): T {
  const prototype = Object.getPrototypeOf(event) as object | null
  if (!prototype) return event
  for (const name of getterNames(prototype)) {
    if (Object.prototype.hasOwnProperty.call(event, name)) continue
    Object.defineProperty(event, name, {
      configurable: true,
      enumerable: true,
      get: () => Reflect.get(prototype, name, event) as unknown,
    })
  }
  return event
}

const previous = options.event
options.event = (event) => eventFieldsOwn(previous ? previous(event) : event)
