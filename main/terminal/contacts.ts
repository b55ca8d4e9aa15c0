import type { Logger } from 'pino';
import type { ApiOutput } from '../api/contract';
import { contactChannelsSchema, type ContactChannels } from '../central/schemas';
import type { Config } from '../config/schema';
import type { ContactsRepo } from '../db/contacts-repo';
import type { Clock } from '../runtime/clock';

type ScreenContacts = ApiOutput<'terminal.contacts'>;
/** The customer-service line and e-mail that ACH's pending text names. */
export type CustomerService = ContactChannels['customerService'];

/** The configuration's customer-service line, until the central API's arrives. */
export function configuredCustomerService(contacts: Config['contacts']): CustomerService {
  return { phone: contacts.customerServicePhone, email: contacts.customerServiceEmail };
}

export interface ContactsSource {
  contacts(options?: { signal?: AbortSignal }): Promise<ContactChannels>;
}

/**
 * The contact channels the screens show: the central API's, as last fetched and kept in SQLite, so a change
 * at the sede reaches every kiosk and a kiosk that starts offline shows the last known ones. The
 * configuration's channels stand in until the first fetch.
 */
export function createContactsService(deps: { config: Config; repo: ContactsRepo; source: ContactsSource; clock: Clock; logger: Logger }) {
  const { config, repo, source, clock, logger } = deps;

  function fromConfig(): ScreenContacts {
    const c = config.contacts;
    return {
      siteName: config.site.name,
      advisorEmail: c.advisorEmail,
      portfolioEmail: c.portfolioEmail,
      sitePhones: c.sitePhones,
      kindergartenPhones: c.kindergartenPhones,
    };
  }

  function readKept(): ContactChannels | undefined {
    const row = repo.get();
    if (!row) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(row.channels_json);
    } catch {
      json = undefined;
    }
    const parsed = contactChannelsSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    logger.warn('kept contact channels are unreadable; showing the configured ones');
    return undefined;
  }
  // Read once: afterwards only refresh() changes them.
  let kept = readKept();

  return {
    current(): ScreenContacts {
      const channels = kept;
      if (!channels) return fromConfig();
      return {
        siteName: channels.site.name,
        advisorEmail: channels.site.advisorEmail,
        portfolioEmail: channels.site.portfolioEmail,
        sitePhones: channels.site.phones,
        kindergartenPhones: channels.kindergarten.phones,
      };
    },
    /** The customer-service line the payment texts name: the central API's, else the configuration's. */
    customerService(): CustomerService {
      return kept?.customerService ?? configuredCustomerService(config.contacts);
    },
    /** Fetches the channels (checked against their schema by the client) and keeps them. */
    async refresh(signal?: AbortSignal): Promise<void> {
      const channels = await source.contacts({ signal });
      repo.save(JSON.stringify(channels), clock.now().toISOString());
      kept = channels;
    },
  };
}
export type ContactsService = ReturnType<typeof createContactsService>;
