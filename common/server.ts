import { z } from 'zod';

/**
 * Where the institution's server is, as this workstation keeps it (no secrets): host, port, database and the
 * certificate of the institution's CA that the server's certificate must chain to.
 */
export const serverConfigSchema = z.object({
  host: z.string().trim().min(1, 'Skriv serverens navn.').max(255),
  port: z.number().int().min(1, 'Skriv et portnummer mellem 1 og 65535.').max(65535, 'Skriv et portnummer mellem 1 og 65535.'),
  database: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,29}$/, 'Databasens navn må kun have små bogstaver a–z, tal og understreg (højst 30 tegn).'),
  caCertificate: z
    .string()
    .max(20_000, 'Certifikatet er for stort.')
    .refine((pem) => pem.includes('-----BEGIN CERTIFICATE-----'), 'Indsæt institutionens CA-certifikat (PEM).'),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;
