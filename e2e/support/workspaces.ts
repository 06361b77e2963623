const hours = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
  sat: [],
  sun: [],
}

/** A member record for end-to-end workspaces. */
export function e2eMember(id: string, name: string, timeZone: string) {
  return {
    id,
    name,
    email: `${id}@e2e.example`,
    timeZone,
    weeklyHours: hours,
    dateOverrides: [],
    active: true,
  }
}

/** A small v1 workspace: two members in different zones, one event type. */
export function smallWorkspace() {
  return {
    version: 1,
    members: [
      e2eMember('m-ana', 'Ana Silva', 'Europe/Berlin'),
      e2eMember('m-ben', 'Ben Okafor', 'America/New_York'),
    ],
    eventTypes: [
      {
        id: 'et-intro',
        name: 'Intro call',
        durationMinutes: 30,
        slotIntervalMinutes: 15,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        minNoticeMinutes: 0,
        maxDaysAhead: 60,
        questions: [],
      },
    ],
    bookingPages: [],
    pools: [],
    panels: [],
    masterPages: [],
    bookings: [],
  }
}
