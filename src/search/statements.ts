// The statement cache lives in the store (SQL belongs there); re-exported for search's older modules.
export { statement } from '../store/statements.js';
