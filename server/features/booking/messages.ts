/** Server texts of booking: why a slot cannot be booked, moved or published. Same keys in nb, nn and en. */
const nb = {
  'booking.slotTaken': 'Noen andre har nettopp bestilt denne tiden. Velg en annen tid.',
  'booking.alreadyBooked': 'Eleven har allerede en bestilt tid i denne runden. Bytt eller avbestill den i stedet.',
  'booking.alreadyCancelled': 'Bestillingen er allerede avbestilt.',
  'booking.afterCutoff': 'Fristen for å bestille, bytte eller avbestille denne tiden gikk ut {deadline}.',
  'booking.roundClosed': 'Timebestillingen er stengt. Ta kontakt med skolen.',
  'booking.noSuchSlot': 'Fant ikke denne samtaletiden, eller du kan ikke bestille den.',
  'booking.otherRound': 'Du kan bare bytte til en tid i den samme runden.',
  'booking.slotInPast': 'Tiden har allerede vært.',
  'booking.toBeforeFrom': 'Sluttidspunktet må være etter starttidspunktet.',
  'booking.dayTooShort': 'Tidsrommet er for kort til én samtale på {minutes, plural, one {# minutt} other {# minutter}}.',
  'booking.daysOverlap': 'Tidsrommet overlapper et annet tidsrom i skjemaet.',
  'booking.overlapsOwnSlot': 'Krasjer med en annen samtaletid du har {when}.',
  'booking.tooManySlots': 'Det blir for mange samtaletider ({count}). Høyst {max} om gangen.',
  'booking.kindNotForGroup': 'Denne samtaletypen kan ikke publiseres for denne gruppen.',
  'booking.placeOrVideo': 'Skriv inn et sted eller en videolenke.',
};

const nn = {
  'booking.slotTaken': 'Nokon andre har nett bestilt denne tida. Vel ei anna tid.',
  'booking.alreadyBooked': 'Eleven har alt ei bestilt tid i denne runden. Byt eller avbestill ho i staden.',
  'booking.alreadyCancelled': 'Bestillinga er alt avbestilt.',
  'booking.afterCutoff': 'Fristen for å bestille, byte eller avbestille denne tida gjekk ut {deadline}.',
  'booking.roundClosed': 'Timebestillinga er stengd. Ta kontakt med skulen.',
  'booking.noSuchSlot': 'Fann ikkje denne samtaletida, eller du kan ikkje bestille ho.',
  'booking.otherRound': 'Du kan berre byte til ei tid i den same runden.',
  'booking.slotInPast': 'Tida har alt vore.',
  'booking.toBeforeFrom': 'Sluttidspunktet må vere etter starttidspunktet.',
  'booking.dayTooShort': 'Tidsrommet er for kort til éin samtale på {minutes, plural, one {# minutt} other {# minutt}}.',
  'booking.daysOverlap': 'Tidsrommet overlappar eit anna tidsrom i skjemaet.',
  'booking.overlapsOwnSlot': 'Krasjar med ei anna samtaletid du har {when}.',
  'booking.tooManySlots': 'Det blir for mange samtaletider ({count}). Høgst {max} om gongen.',
  'booking.kindNotForGroup': 'Denne samtaletypen kan ikkje publiserast for denne gruppa.',
  'booking.placeOrVideo': 'Skriv inn ein stad eller ei videolenkje.',
};

const en = {
  'booking.slotTaken': 'Someone else has just booked this time. Choose another time.',
  'booking.alreadyBooked': 'The student already has a time booked in this round. Change or cancel it instead.',
  'booking.alreadyCancelled': 'The booking is already cancelled.',
  'booking.afterCutoff': 'The deadline for booking, changing or cancelling this time passed {deadline}.',
  'booking.roundClosed': 'Booking is closed. Please contact the school.',
  'booking.noSuchSlot': 'This time was not found, or you cannot book it.',
  'booking.otherRound': 'You can only change to a time in the same round.',
  'booking.slotInPast': 'That time has already passed.',
  'booking.toBeforeFrom': 'The end time must be after the start time.',
  'booking.dayTooShort': 'The period is too short for one conversation of {minutes, plural, one {# minute} other {# minutes}}.',
  'booking.daysOverlap': 'The period overlaps another period in the form.',
  'booking.overlapsOwnSlot': 'Clashes with another slot of yours at {when}.',
  'booking.tooManySlots': 'That makes too many slots ({count}). At most {max} at a time.',
  'booking.kindNotForGroup': 'This kind of conversation cannot be published for this group.',
  'booking.placeOrVideo': 'Enter a place or a video link.',
};

export const bookingMessages = { nb, nn, en };
