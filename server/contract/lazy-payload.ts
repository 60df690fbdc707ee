/**
 * An action's payload schema, built the first time it is read: a cold instance of the function
 * builds only the schemas of the actions it serves, not all of them
 * (`npm run bench -- cold-start`).
 */
export function lazily<Payload>(build: () => Payload): { readonly payload: Payload } {
  let built: Payload | undefined;
  return {
    get payload(): Payload {
      built ??= build();
      return built;
    },
  };
}
