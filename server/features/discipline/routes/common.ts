/** What the disciplinary-case routes share: a date that must have happened, and the case as the caller may see it. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { QueryFn } from '../../../core/db/client.js';
import { accessOf } from '../../../core/http/access.js';
import { badField } from '../../../core/http/errors.js';
import { caseView } from '../service.js';

export const tags = ['discipline'];

/** A date that has to have happened already. */
export function notFuture(field: string, day: string | undefined, today: string): void {
  if (day && day > today) throw badField(field, 'discipline.inFuture');
}

/** The case of the route's `:caseId` as the caller may see it. */
export const view = async (q: QueryFn, req: FastifyRequest) => ({ access: accessOf(req), today: req.today, ...(await caseView(q, req.actor!, req.disciplinaryCase!, req.decision!.reason, req.today)) });

export const created = (reply: FastifyReply, id: string) => reply.status(201).send({ id });
