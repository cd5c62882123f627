import { z } from 'zod';
import { procedure } from './procedure';

export const demoProcedures = {
  'demo.load': procedure(
    'Load the synthetic sample fleet into an empty database (a task with progress). Refused with CONFLICT when vessels exist',
    z.object({}).default({}),
    z.object({ vessels: z.number().int(), positions: z.number().int(), people: z.number().int(), assignments: z.number().int(), documents: z.number().int(), assessments: z.number().int() }),
  ),
};
