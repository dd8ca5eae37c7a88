import { z } from 'zod';
import { ROLES } from '../../domain/auth/roles.ts';

export const SignInSchema = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
});

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organisationId: z.string().nullable(),
  regionId: z.string().nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const SessionSchema = z.object({ user: UserSchema.nullable(), csrfToken: z.string().nullable() });

export const CreateTokenSchema = z.object({ name: z.string().trim().min(1).max(100) });
export const TokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const CreatedTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string(),
  createdAt: z.string(),
});
export const TokenIdParamsSchema = z.object({ id: z.string().uuid() });
