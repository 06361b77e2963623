// The public booking page: /book/{slug} (book) and /book/{slug}/manage/{id}#token=… (cancel or
// reschedule). Plain ES module, no build step; talks only to the public API (api.md). Times are shown
// in the customer's zone (detected, changeable).

const app = document.getElementById('app')
const announcer = document.getElementById('announcer')
const DAY_MS = 24 * 60 * 60 * 1000
const WEEK_DAYS = 7

const path = window.location.pathname.split('/').filter(Boolean) // ['book', slug, 'manage', id]
const slug = decodeURIComponent(path[1] ?? '')
const manageId = path[2] === 'manage' ? decodeURIComponent(path[3] ?? '') : null
const manageToken = new URLSearchParams(window.location.hash.slice(1)).get('token')

const state = {
  page: null,
  zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  eventType: null,
  bookingPageId: null,
  answers: {},
  from: Date.now(),
  slots: null,
  slot: null,
  step: 'loading',
  error: null,
  booking: null,
  idempotencyKey: null,
  loading: false,
}

// ---------- small DOM helpers ----------

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value)
    else if (key === 'class') el.className = value
    else el.setAttribute(key, value === true ? '' : value)
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    el.append(child instanceof Node ? child : document.createTextNode(String(child)))
  }
  return el
}

function announce(text) {
  announcer.textContent = text
}

function formatTime(iso) {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: state.zone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))
}

function formatDay(iso) {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: state.zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(iso))
}

function formatFull(iso) {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: state.zone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(new Date(iso))
}

function localDateKey(iso) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: state.zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso))
}

// ---------- API ----------

async function api(method, url, body) {
  let response
  try {
    response = await fetch(url, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    })
  } catch {
    return {
      ok: false,
      status: 0,
      error: {
        code: 'network',
        message: 'The booking service cannot be reached. Check your connection and try again.',
      },
    }
  }
  const data = await response.json().catch(() => ({}))
  if (response.ok) return { ok: true, status: response.status, data }
  return {
    ok: false,
    status: response.status,
    error: data.error ?? { code: 'unknown', message: `Request failed (${response.status})` },
  }
}

const pageUrl = () => `/api/public/pages/${encodeURIComponent(slug)}`

// ---------- flow ----------

function flowSteps() {
  const a = state.page.assignment
  const questions = state.eventType && state.eventType.questions.length > 0 ? ['questions'] : []
  if (a.type === 'customer-choice' && a.flow === 'booking-pages-first')
    return ['member', 'event', ...questions, 'times', 'details']
  if (a.type === 'customer-choice' && a.flow === 'event-types-first')
    return ['event', 'member', ...questions, 'times', 'details']
  if (a.type === 'customer-choice' && a.flow === 'find-member-by-time')
    return ['event', ...questions, 'times', 'member-at-time', 'details']
  return ['event', ...questions, 'times', 'details']
}

function go(step) {
  state.step = step
  state.error = null
  if (step === 'times' || step === 'reschedule') state.slots = null
  render()
  const heading = app.querySelector('h2')
  if (heading) {
    heading.setAttribute('tabindex', '-1')
    heading.focus()
  }
}

function next() {
  const steps = flowSteps()
  go(steps[steps.indexOf(state.step) + 1] ?? 'details')
}

function back() {
  const steps = flowSteps()
  const index = steps.indexOf(state.step)
  if (index > 0) go(steps[index - 1])
}

// ---------- availability ----------

async function loadSlots() {
  if (state.loading) return
  state.loading = true
  state.slots = null
  render()
  const params = new URLSearchParams({
    from: new Date(state.from).toISOString(),
    to: new Date(state.from + WEEK_DAYS * DAY_MS).toISOString(),
  })
  let url
  if (state.step === 'reschedule') {
    params.set('token', manageToken ?? '')
    url = `/api/public/bookings/${encodeURIComponent(manageId)}/availability?${params}`
  } else {
    params.set('eventTypeId', state.eventType.id)
    if (state.bookingPageId && state.page.assignment.flow !== 'find-member-by-time')
      params.set('bookingPageId', state.bookingPageId)
    for (const [key, value] of Object.entries(state.answers))
      if (value !== '') params.set(`answers.${key}`, value)
    url = `${pageUrl()}/availability?${params}`
  }
  const result = await api('GET', url)
  state.loading = false
  if (!result.ok) {
    state.slots = []
    state.error = result.error.message
  } else {
    state.slots = result.data.slots
  }
  render()
  announce(
    state.slots.length === 0
      ? 'No free times in this week.'
      : `${state.slots.length} free times shown.`,
  )
}

function slotsView(onPick) {
  const nav = h(
    'div',
    { class: 'week-nav' },
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        disabled: state.from <= Date.now() ? true : undefined,
        onclick: () => {
          state.from = Math.max(Date.now(), state.from - WEEK_DAYS * DAY_MS)
          loadSlots()
        },
      },
      '← Earlier',
    ),
    h(
      'span',
      { class: 'muted' },
      `${formatDay(new Date(state.from).toISOString())} – ${formatDay(new Date(state.from + (WEEK_DAYS - 1) * DAY_MS).toISOString())}`,
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => {
          state.from += WEEK_DAYS * DAY_MS
          loadSlots()
        },
      },
      'Later →',
    ),
  )
  if (state.slots === null)
    return h('div', {}, nav, h('p', { class: 'muted' }, 'Loading free times…'))
  const byDay = new Map()
  for (const slot of state.slots) {
    const key = localDateKey(slot.start)
    if (!byDay.has(key)) byDay.set(key, [])
    byDay.get(key).push(slot)
  }
  const days = [...byDay.values()].map((slots) =>
    h(
      'section',
      { class: 'day', 'aria-label': formatDay(slots[0].start) },
      h('h3', {}, formatDay(slots[0].start)),
      h(
        'div',
        { class: 'slots' },
        slots.map((slot) =>
          h('button', { type: 'button', onclick: () => onPick(slot) }, formatTime(slot.start)),
        ),
      ),
    ),
  )
  return h(
    'div',
    {},
    nav,
    days.length === 0
      ? h('p', { class: 'muted' }, 'No free times this week. Try later dates.')
      : h('div', { class: 'days' }, days),
  )
}

// ---------- views ----------

function zonePicker() {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [state.zone]
  if (!zones.includes(state.zone)) zones.unshift(state.zone)
  const select = h(
    'select',
    {
      id: 'zone',
      onchange: (e) => {
        state.zone = e.target.value
        render()
      },
    },
    zones.map((z) =>
      h(
        'option',
        { value: z, selected: z === state.zone ? true : undefined },
        z.replaceAll('_', ' '),
      ),
    ),
  )
  return h('div', { class: 'zone' }, h('label', { for: 'zone' }, 'Times shown in'), select)
}

function errorView() {
  return state.error ? h('p', { class: 'error', role: 'alert' }, state.error) : null
}

function backButton() {
  return flowSteps().indexOf(state.step) > 0
    ? h('button', { type: 'button', class: 'secondary', onclick: back }, '← Back')
    : null
}

function eventView() {
  const allowed = state.bookingPageId
    ? state.page.bookingPages.find((p) => p.id === state.bookingPageId)?.eventTypeIds
    : null
  const eventTypes = state.page.eventTypes.filter((e) => !allowed || allowed.includes(e.id))
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'What would you like to book?'),
    h(
      'div',
      { class: 'choices' },
      eventTypes.map((e) =>
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              state.eventType = e
              state.answers = {}
              next()
            },
          },
          h('span', { class: 'summary' }, e.name),
          h('br'),
          h(
            'span',
            { class: 'muted' },
            `${e.durationMinutes} minutes${e.location ? ` · ${locationText(e.location)}` : ''}`,
          ),
        ),
      ),
    ),
    backButton(),
  )
}

/** A card asking the customer to pick a member (booking page) among `pages`. */
function memberChoice(heading, pages) {
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, heading),
    h(
      'div',
      { class: 'choices' },
      pages.map((p) =>
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              state.bookingPageId = p.id
              next()
            },
          },
          p.name,
        ),
      ),
    ),
    backButton(),
  )
}

function memberView() {
  const pages = state.page.bookingPages.filter(
    (p) => !state.eventType || !p.eventTypeIds || p.eventTypeIds.includes(state.eventType.id),
  )
  return memberChoice('Who would you like to meet?', pages)
}

function memberAtTimeView() {
  return memberChoice(
    `Who is free at ${formatTime(state.slot.start)}?`,
    state.slot.bookingPages ?? [],
  )
}

function questionField(q) {
  const id = `q-${q.id}`
  const common = { id, name: q.id, required: q.required ? true : undefined }
  let input
  if (q.type === 'select') {
    input = h(
      'select',
      common,
      h('option', { value: '' }, 'Choose…'),
      (q.options ?? []).map((o) =>
        h('option', { value: o, selected: state.answers[q.id] === o ? true : undefined }, o),
      ),
    )
  } else if (q.type === 'note') {
    input = h('textarea', { ...common, rows: 3, maxlength: 2000 }, state.answers[q.id] ?? '')
  } else {
    input = h('input', {
      ...common,
      type: q.type === 'phone' ? 'tel' : 'text',
      value: state.answers[q.id] ?? '',
      maxlength: 500,
    })
  }
  return h('label', { for: id }, `${q.label}${q.required ? ' *' : ''}`, input)
}

function questionsView() {
  const form = h(
    'form',
    {
      onsubmit: (e) => {
        e.preventDefault()
        const data = new FormData(e.target)
        state.answers = Object.fromEntries(
          state.eventType.questions.map((q) => [q.id, String(data.get(q.id) ?? '').trim()]),
        )
        next()
      },
    },
    state.eventType.questions.map(questionField),
    h(
      'div',
      { class: 'actions' },
      backButton(),
      h('button', { type: 'submit', class: 'primary' }, 'Continue'),
    ),
  )
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, `${state.eventType.name}: a few questions`),
    form,
  )
}

function timesView() {
  if (state.slots === null && state.error === null && !state.loading) queueMicrotask(loadSlots)
  const member = state.bookingPageId
    ? state.page.bookingPages.find((p) => p.id === state.bookingPageId)?.name
    : null
  return h(
    'section',
    { class: 'card' },
    h(
      'h2',
      {},
      `Pick a time for ${state.eventType.name}${member && state.page.assignment.flow !== 'find-member-by-time' ? ` with ${member}` : ''}`,
    ),
    errorView(),
    slotsView((slot) => {
      state.slot = slot
      state.idempotencyKey = crypto.randomUUID()
      next()
    }),
    backButton(),
  )
}

async function submitBooking(form) {
  const data = new FormData(form)
  const body = {
    eventTypeId: state.eventType.id,
    start: state.slot.start,
    ...(state.bookingPageId ? { bookingPageId: state.bookingPageId } : {}),
    customer: {
      name: String(data.get('name') ?? '').trim(),
      email: String(data.get('email') ?? '').trim(),
      timeZone: state.zone,
    },
    answers: state.answers,
    idempotencyKey: state.idempotencyKey,
  }
  form.querySelector('button[type=submit]').disabled = true
  const result = await api('POST', `${pageUrl()}/bookings`, body)
  if (result.ok) {
    state.booking = result.data.booking
    go('done')
    announce('Booking confirmed.')
    return
  }
  if (result.error.code === 'slot-unavailable') {
    state.step = 'times'
    state.slots = result.error.alternatives ?? null
    state.error = 'That time was just taken. Here are the nearest free times.'
    render()
    announce(state.error)
    if (state.slots === null) loadSlots()
    return
  }
  state.error = result.error.message
  render()
}

function detailsView() {
  const form = h(
    'form',
    {
      onsubmit: (e) => {
        e.preventDefault()
        submitBooking(e.target)
      },
    },
    h(
      'label',
      { for: 'name' },
      'Your name *',
      h('input', {
        id: 'name',
        name: 'name',
        required: true,
        maxlength: 200,
        autocomplete: 'name',
      }),
    ),
    h(
      'label',
      { for: 'email' },
      'Email *',
      h('input', {
        id: 'email',
        name: 'email',
        type: 'email',
        required: true,
        maxlength: 200,
        autocomplete: 'email',
      }),
    ),
    errorView(),
    h(
      'div',
      { class: 'actions' },
      backButton(),
      h('button', { type: 'submit', class: 'primary' }, 'Confirm booking'),
    ),
  )
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Your details'),
    h('p', { class: 'summary' }, `${state.eventType.name} · ${formatFull(state.slot.start)}`),
    form,
  )
}

function manageLink(booking) {
  return `${window.location.origin}/book/${encodeURIComponent(slug)}/manage/${encodeURIComponent(booking.id)}#token=${encodeURIComponent(booking.manageToken)}`
}

/** Where the meeting takes place, in one line (a video link stays a plain address). */
function locationText(location) {
  if (location.type === 'in-person') return `In person: ${location.address}`
  if (location.type === 'phone') return `By phone: ${location.number}`
  return `Video call: ${location.url}`
}

function calendarLink(booking) {
  return `/api/public/bookings/${encodeURIComponent(booking.id)}/calendar.ics?token=${encodeURIComponent(booking.manageToken ?? manageToken ?? '')}`
}

function bookingSummary(booking) {
  return h(
    'div',
    {},
    h('p', { class: 'summary' }, formatFull(booking.start)),
    h('p', {}, `With ${booking.hosts.map((x) => x.name).join(', ')}`),
    booking.location ? h('p', {}, locationText(booking.location)) : null,
    h('p', { class: 'muted' }, `Status: ${booking.status}`),
    h('p', {}, h('a', { href: calendarLink(booking), download: 'booking.ics' }, 'Add to calendar')),
  )
}

function doneView() {
  const link = manageLink(state.booking)
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'You are booked'),
    bookingSummary(state.booking),
    h(
      'p',
      {},
      'Keep this link to cancel or reschedule: ',
      h('a', { href: link, 'aria-label': 'Manage your booking' }, 'manage your booking'),
    ),
  )
}

// ---------- manage (cancel / reschedule) ----------

async function loadBooking() {
  const result = await api(
    'GET',
    `/api/public/bookings/${encodeURIComponent(manageId)}?token=${encodeURIComponent(manageToken ?? '')}`,
  )
  if (!result.ok) {
    state.step = 'failed'
    state.error = result.status === 404 ? 'This booking link is not valid.' : result.error.message
  } else {
    state.booking = result.data.booking
    state.step = 'manage'
  }
  render()
}

function manageView() {
  const booking = state.booking
  const isOpen = booking.status === 'scheduled' || booking.status === 'rescheduled'
  const cancelForm = h(
    'form',
    {
      onsubmit: async (e) => {
        e.preventDefault()
        const reason = String(new FormData(e.target).get('reason') ?? '').trim()
        const result = await api(
          'POST',
          `/api/public/bookings/${encodeURIComponent(booking.id)}/cancel`,
          { token: manageToken, ...(reason ? { reason } : {}) },
        )
        if (result.ok) {
          state.booking = result.data.booking
          state.error = null
          announce('Booking cancelled.')
        } else state.error = result.error.message
        render()
      },
    },
    h(
      'label',
      { for: 'reason' },
      'Reason (optional)',
      h('input', { id: 'reason', name: 'reason', maxlength: 500 }),
    ),
    h('button', { type: 'submit', class: 'secondary' }, 'Cancel booking'),
  )
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Your booking'),
    bookingSummary(booking),
    errorView(),
    isOpen
      ? h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'primary',
              onclick: () => {
                state.slots = null
                state.from = Date.now()
                go('reschedule')
              },
            },
            'Reschedule',
          ),
        )
      : null,
    isOpen ? cancelForm : null,
  )
}

function rescheduleView() {
  if (state.slots === null && state.error === null && !state.loading) queueMicrotask(loadSlots)
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Pick a new time'),
    errorView(),
    slotsView(async (slot) => {
      const result = await api(
        'POST',
        `/api/public/bookings/${encodeURIComponent(state.booking.id)}/reschedule`,
        { token: manageToken, start: slot.start },
      )
      if (result.ok) {
        state.booking = result.data.booking
        go('manage')
        announce('Booking rescheduled.')
      } else {
        state.error =
          result.error.code === 'slot-unavailable'
            ? 'That time was just taken. Pick another.'
            : result.error.message
        state.slots = result.error.alternatives ?? null
        render()
      }
    }),
    h('button', { type: 'button', class: 'secondary', onclick: () => go('manage') }, '← Back'),
  )
}

// ---------- render ----------

const VIEWS = {
  event: eventView,
  member: memberView,
  questions: questionsView,
  times: timesView,
  'member-at-time': memberAtTimeView,
  details: detailsView,
  done: doneView,
  manage: manageView,
  reschedule: rescheduleView,
}

function render() {
  const title = state.page?.title ?? (manageId ? 'Your booking' : 'Book a time')
  document.title = title
  const view = VIEWS[state.step]
  const parts = [
    h('h1', {}, title),
    state.step === 'loading' ? h('p', { class: 'muted' }, 'Loading…') : null,
    state.step === 'failed' ? h('p', { class: 'error', role: 'alert' }, state.error) : null,
    view ? zonePicker() : null,
    view ? view() : null,
  ]
  app.replaceChildren(...parts.filter((part) => part !== null))
}

async function start() {
  render()
  if (manageId) return loadBooking()
  const result = await api('GET', pageUrl())
  if (!result.ok) {
    state.step = 'failed'
    state.error = result.status === 404 ? 'This booking page does not exist.' : result.error.message
    return render()
  }
  state.page = result.data
  state.step = flowSteps()[0]
  render()
}

start()
