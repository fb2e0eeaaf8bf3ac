// Deals (技术交易), challenges (揭榜挂帅) and the dashboard's figures: /deals, /challenges, /stats.
import { api } from './client.js';

// The forward path of a deal and the stages that end it early.
export const STAGES = ['intent', 'nda', 'negotiating', 'signed', 'registered', 'completed'];
// A talent engagement (kind "talent") is never registered as a technology contract: signed is
// followed by completed (docs/talent.md).
export function stagesOf(kind) {
  return kind === 'talent' ? STAGES.filter((s) => s !== 'registered') : STAGES;
}
export const EXITS = ['declined', 'cancelled'];
export const REASONS = ['too_early', 'price', 'technical_fit', 'ip_terms', 'capacity', 'other'];
export const CONTRACT_TYPES = ['development', 'transfer', 'license', 'consulting', 'service'];

// The stages a deal may move to next (the server's stage machine, core/deal.h).
const NEXT = {
  intent: ['nda', 'negotiating', 'declined', 'cancelled'],
  nda: ['negotiating', 'declined', 'cancelled'],
  negotiating: ['signed', 'declined', 'cancelled'],
  signed: ['registered', 'cancelled'],
  registered: ['completed'],
};
export function nextStages(stage, kind = 'technology') {
  if (kind === 'talent' && stage === 'signed') return ['completed', 'cancelled'];
  return NEXT[stage] || [];
}

// Opens a deal: `from` has demand_id and/or achievement_id (or talent_demand_id and/or
// talent_id), and org_id for the other side.
export function openDeal(from) {
  return api('/deals', { method: 'POST', body: from });
}
export function listDeals({ stage, page = 1, size = 20 } = {}) {
  return api('/deals', { query: { stage, page, size } });
}
export const getDeal = (id) => api(`/deals/${id}`);
export function moveDeal(id, stage, reason, note) {
  const body = { stage };
  if (reason) body.reason = reason;
  if (note) body.note = note;
  return api(`/deals/${id}/stage`, { method: 'POST', body });
}
export async function listMessages(id) {
  return (await api(`/deals/${id}/messages`)).items || [];
}
export const postMessage = (id, text) => api(`/deals/${id}/messages`, { method: 'POST', body: { text } });
export async function listAttachments(id) {
  return (await api(`/deals/${id}/attachments`)).items || [];
}
export function uploadAttachment(id, file) {
  return api(`/deals/${id}/attachments`, {
    method: 'POST', query: { name: file.name }, raw: file, contentType: file.type || 'application/octet-stream',
  });
}
// The steps that bind both parties: one side proposes, the other confirms (the same call).
export const BINDING = ['signed', 'registered', 'completed'];
// Withdraws (own side) or refuses (other side) a proposed binding step.
export const withdrawProposal = (id) => api(`/deals/${id}/proposal`, { method: 'DELETE' });
export const recordContract = (id, contract) => api(`/deals/${id}/contract`, { method: 'PUT', body: contract });

export const listChallenges = ({ page = 1, size = 20 } = {}) => api('/challenges', { query: { page, size } });
export const getChallenge = (id) => api(`/challenges/${id}`);
export const createChallenge = (body) => api('/challenges', { method: 'POST', body });
export const propose = (id, body) => api(`/challenges/${id}/proposals`, { method: 'POST', body });
export const closeChallenge = (id) => api(`/challenges/${id}/close`, { method: 'POST' });
export const scoreProposal = (id, pid, scores) => api(`/challenges/${id}/proposals/${pid}/scores`, { method: 'POST', body: { scores } });
export const announce = (id, pid) => api(`/challenges/${id}/announce`, { method: 'POST', body: { proposal_id: pid } });

export const getStats = () => api('/stats');
export const getAgencyRecord = (orgId) => api(`/orgs/${orgId}/deal-record`);
