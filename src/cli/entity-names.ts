import { UnknownEntityError, UserError } from '../core/errors.js';
import type { Store } from '../store/db.js';

/**
 * Run a query that names an entity; when no entity has that name, say so with the names it is
 * close to (`did you mean 'Paul Volcker'?`). The query modules may not reach the search's typo
 * correction (the layers), so the CLI adds it here.
 */
export async function suggestingNames<T>(db: Store, query: () => T): Promise<T> {
  try {
    return query();
  } catch (error) {
    if (!(error instanceof UnknownEntityError)) throw error;
    return noSuchEntity(db, error.entityName, error.entityType, error.noun);
  }
}

/** Fail for a name no entity has, naming the entities it is close to. */
export async function noSuchEntity(
  db: Store,
  name: string,
  type?: string,
  noun: 'entity' | 'place' = 'entity',
): Promise<never> {
  const { unknownEntityMessage } = await import('../search/entities.js');
  throw new UserError(unknownEntityMessage(db, name, type, noun), 1);
}
