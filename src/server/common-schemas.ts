import { z } from 'zod';
import { LANGUAGES } from '../domain/i18n/localized.ts';

export const LocalizedSchema = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
export const LanguageSchema = z.enum(LANGUAGES);
export const IdParamsSchema = z.object({ id: z.string().min(1).max(100) });
