import { AppError, ErrorCode, forbidden, type RequestContext, Role } from '@bangfu/core';
import { normalizePrefix } from '@bangfu/region';

/**
 * The prefix a jurisdiction rule (minimum share, staff purchases, payment terms) is set for: platform admins
 * only, and only for a province (2 digits) or a city (4 digits). `rules` names them in the errors.
 */
export function ruleJurisdiction(ctx: RequestContext, regionCode: string, rules: string): string {
  if (!ctx.requirePrincipal().hasRole(Role.PLATFORM_ADMIN)) throw forbidden(`Only platform admins set ${rules}`);
  const prefix = normalizePrefix(String(regionCode ?? ''), 'regionCode');
  if (prefix.length !== 2 && prefix.length !== 4) {
    const what = rules.charAt(0).toUpperCase() + rules.slice(1);
    throw new AppError(ErrorCode.WRONG_REGION_LEVEL, `${what} are set per province or city (prefecture)`, {
      field: 'regionCode',
    });
  }
  return prefix;
}
