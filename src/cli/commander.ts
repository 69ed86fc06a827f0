/**
 * commander, required rather than imported: it is CommonJS, and node's translation of it into an ES
 * module cost ~7 ms of every command's start. The rest of the CLI imports it from here.
 */
import { createRequire } from 'node:module';
import type * as Commander from 'commander';

const commander = createRequire(import.meta.url)('commander') as typeof Commander;

export const { Command, CommanderError, Option } = commander;
export type Command = Commander.Command;
export type CommanderError = Commander.CommanderError;
export type Option = Commander.Option;
