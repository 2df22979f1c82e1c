// This feature's texts. Bokmål is the source: nynorsk and English must have exactly the same keys (the type checks it).
export const bookingNb = {
  title: 'Timebestilling',
};
export type BookingMessages = typeof bookingNb;

export const bookingNn: BookingMessages = {
  title: 'Timebestilling',
};

export const bookingEn: BookingMessages = {
  title: 'Booking',
};
