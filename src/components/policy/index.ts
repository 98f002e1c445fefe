/** The components the ingest-written MDX uses, by the names it uses. */
import TitleBlock from './TitleBlock.astro';
import TitleLine from './TitleLine.astro';
import Part from './Part.astro';
import PartHeading from './PartHeading.astro';
import PartTitle from './PartTitle.astro';
import Provision from './Provision.astro';
import ProvisionHeading from './ProvisionHeading.astro';
import ProvisionBody from './ProvisionBody.astro';
import Para from './Para.astro';
import Correction from './Correction.astro';
import MissingImage from './MissingImage.astro';
import Truncated from './Truncated.astro';
import Term from './Term.astro';

export const policyComponents = {
  TitleBlock, TitleLine, Part, PartHeading, PartTitle, Provision, ProvisionHeading, ProvisionBody, Para, Correction, MissingImage, Truncated, Term,
};
