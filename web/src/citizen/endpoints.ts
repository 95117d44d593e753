import { endpointOf } from '../../../core/contracts/contract.ts';
import type { borderContract } from '../../../core/contracts/border.ts';
import type { checkinsContract } from '../../../core/contracts/checkins.ts';
import type { citizenContract } from '../../../core/contracts/citizen.ts';
import type { declarationsContract } from '../../../core/contracts/declarations.ts';
import type { inspectionsContract } from '../../../core/contracts/inspections.ts';
import type { exposureContract } from '../../../core/contracts/exposure.ts';
import type { localitiesContract } from '../../../core/contracts/localities.ts';
import type { quarantineContract } from '../../../core/contracts/quarantine.ts';
import type { riskContract } from '../../../core/contracts/risk.ts';
import type { supportContract } from '../../../core/contracts/resources.ts';
import type { organisationMapContract } from '../../../core/contracts/organisation-map.ts';
import type { venuesContract } from '../../../core/contracts/venues.ts';

/**
 * The public routes the citizens' pages call. The contract entries carry zod schemas, which this
 * bundle must not (a cheap phone on a slow network loads it): each endpoint here is the entry's
 * method and path, typed by the entry, so the type check fails if either side changes alone.
 */
export const sendOtp = endpointOf<typeof declarationsContract.postPublicOtp>('POST', '/public/otp');
export const declare = endpointOf<typeof declarationsContract.postPublicDeclarations>('POST', '/public/declarations');
export const qrStatus = endpointOf<typeof declarationsContract.postPublicStatus>('POST', '/public/status');
export const declareArrival = endpointOf<typeof declarationsContract.postPublicArrivals>('POST', '/public/arrivals');
export const declareResidence = endpointOf<typeof declarationsContract.postPublicResidence>(
  'POST',
  '/public/residence',
);
export const eraseMyData = endpointOf<typeof declarationsContract.postPublicMeErase>('POST', '/public/me/erase');

export const openSession = endpointOf<typeof citizenContract.postPublicSessions>('POST', '/public/sessions');
export const myAccesses = endpointOf<typeof citizenContract.postPublicMeAccesses>('POST', '/public/me/accesses');
export const myDataFile = endpointOf<typeof citizenContract.postPublicMeData>('POST', '/public/me/data');

export const checkIn = endpointOf<typeof checkinsContract.postPublicCheckins>('POST', '/public/checkins');
export const checkOut = endpointOf<typeof checkinsContract.postPublicCheckinsCheckout>(
  'POST',
  '/public/checkins/checkout',
);
export const myCheckins = endpointOf<typeof checkinsContract.postPublicMeCheckins>('POST', '/public/me/checkins');
export const publicVenue = endpointOf<typeof venuesContract.getPublicVenuesByPublicCode>(
  'GET',
  '/public/venues/:publicCode',
);

export const publicLocalities = endpointOf<typeof localitiesContract.getPublicLocalities>('GET', '/public/localities');
export const nationalProvinces = endpointOf<typeof localitiesContract.getPublicPlacesProvinces>(
  'GET',
  '/public/places/provinces',
);
export const nationalCommunes = endpointOf<typeof localitiesContract.getPublicPlacesProvincesCommunes>(
  'GET',
  '/public/places/provinces/:code/communes',
);
export const publicRiskMapSvg = endpointOf<typeof localitiesContract.getPublicRiskMapSvgByCode>(
  'GET',
  '/public/risk-map-svg/:code',
);
export const publicRiskMap = endpointOf<typeof riskContract.getPublicRiskMap>('GET', '/public/risk-map');

export const monitoringStatus = endpointOf<typeof quarantineContract.getPublicMonitoringByToken>(
  'GET',
  '/public/monitoring/:token',
);
export const monitoringReport = endpointOf<typeof quarantineContract.postPublicMonitoringByToken>(
  'POST',
  '/public/monitoring/:token',
);

/** Donations received and handed out per purpose and commune (issue 18): totals, never a recipient. */
export const publicSupport = endpointOf<typeof supportContract.getPublicSupport>('GET', '/public/support');
/** Organisations that publish a valid low-risk self-assessment (issue 15): places, never a person. */
export const publicSafeOrganisations = endpointOf<typeof organisationMapContract.getPublicSafeOrganisations>(
  'GET',
  '/public/safe-organisations',
);
/** Organisations' violations decided final (issue 17): an individual only as a recorded legal decision allows. */
export const publicViolations = endpointOf<typeof inspectionsContract.getPublicInspectionsViolations>(
  'GET',
  '/public/inspections/violations',
);
export const publicViolationsCsv = endpointOf<typeof inspectionsContract.getPublicInspectionsViolationsExportCsv>(
  'GET',
  '/public/inspections/violations/export.csv',
);
export const publicViolationsXlsx = endpointOf<typeof inspectionsContract.getPublicInspectionsViolationsExport>(
  'GET',
  '/public/inspections/violations/export.xlsx',
);
export const sendTipoff = endpointOf<typeof borderContract.postPublicBorderTipoffs>('POST', '/public/border/tipoffs');
// Exposure alerts and self-reports (issue 20): loaded with the exposure chunk only.
export const exposureKey = endpointOf<typeof exposureContract.getPublicExposureKey>('GET', '/public/exposure/key');
export const exposureFeed = endpointOf<typeof exposureContract.getPublicExposureFeed>(
  'GET',
  '/public/exposure/feeds/:province',
);
export const selfReport = endpointOf<typeof exposureContract.postPublicSelfReports>('POST', '/public/self-reports');
export const mySelfReports = endpointOf<typeof exposureContract.postPublicMeSelfReports>(
  'POST',
  '/public/me/self-reports',
);
export const alertConsent = endpointOf<typeof exposureContract.postPublicMeAlertConsent>(
  'POST',
  '/public/me/alert-consent',
);
export const pushKey = endpointOf<typeof exposureContract.getPublicPushKey>('GET', '/public/push/key');
export const pushSubscribe = endpointOf<typeof exposureContract.postPublicMePushSubscriptions>(
  'POST',
  '/public/me/push-subscriptions',
);
export const pushUnsubscribe = endpointOf<typeof exposureContract.postPublicMePushSubscriptionsRemove>(
  'POST',
  '/public/me/push-subscriptions/remove',
);
export const selfReportPhoto = endpointOf<typeof exposureContract.putPublicSelfReportsPhoto>(
  'PUT',
  '/public/self-reports/:id/photo',
);
