/**
 * ACLED event taxonomy (event type → sub-event types), as ACLED's codebook defines it.
 * Kept verbatim so that ACLED exports import and export without loss.
 */
export const ACLED_EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Explosions/Remote violence': [
    'Shelling/artillery/missile attack',
    'Air/drone strike',
    'Suicide bomb',
    'Remote explosive/landmine/IED',
    'Grenade',
    'Chemical weapon',
  ],
  'Violence against civilians': ['Attack', 'Abduction/forced disappearance', 'Sexual violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const satisfies Record<string, readonly string[]>;

export type EventType = keyof typeof ACLED_EVENT_TYPES;
export type SubEventType = (typeof ACLED_EVENT_TYPES)[EventType][number];

export const EVENT_TYPES = Object.keys(ACLED_EVENT_TYPES) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(ACLED_EVENT_TYPES, value);
}

export function subEventTypesOf(eventType: EventType): readonly string[] {
  return ACLED_EVENT_TYPES[eventType];
}

export function isSubEventOf(eventType: string, subEventType: string): boolean {
  return isEventType(eventType) && (ACLED_EVENT_TYPES[eventType] as readonly string[]).includes(subEventType);
}

/**
 * Marker colours by event type, chosen to stay distinguishable for the common forms of colour
 * blindness (Okabe–Ito palette) and on both the land fill and the sea.
 */
export const EVENT_TYPE_STYLE: Record<EventType, { color: string; label: string }> = {
  Battles: { color: '#D55E00', label: 'Battles' },
  Protests: { color: '#0072B2', label: 'Protests' },
  Riots: { color: '#E69F00', label: 'Riots' },
  'Explosions/Remote violence': { color: '#CC0033', label: 'Explosions / remote violence' },
  'Violence against civilians': { color: '#8B3A96', label: 'Violence against civilians' },
  'Strategic developments': { color: '#009E73', label: 'Strategic developments' },
};
