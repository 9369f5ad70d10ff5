// Public exports of the provisioning resources (classes and types).
export {};
