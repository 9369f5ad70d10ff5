// Schemas of the provisioning resources.
export {};
