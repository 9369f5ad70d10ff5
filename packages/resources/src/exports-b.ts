// Public exports of the numbers, records and operations resources (classes and types).
export {};
