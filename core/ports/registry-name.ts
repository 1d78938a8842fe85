/** The national registries behind the gateway. */
export type RegistryName = 'population' | 'land' | 'business';
