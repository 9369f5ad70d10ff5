// Schemas of the numbers, records and operations resources.
export {};
