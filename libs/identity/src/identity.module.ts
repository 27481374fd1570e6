import { Module } from '@nestjs/common';
import { PRINCIPAL_LOADER } from '@bangfu/core';
import { RegionModule } from '@bangfu/region';
import { AddressResolver } from './address.resolver';
import { AddressBookService } from './address.service';
import { AuthService } from './auth.service';
import { OrganizationResolver, UserResolver } from './identity.resolver';
import { LoginLimiter } from './login-limiter';
import { OrganizationService } from './organization.service';
import { LogPasswordResetDelivery, PASSWORD_RESET_DELIVERY } from './password-reset-delivery';
import { PasswordResetResolver } from './password-reset.resolver';
import { PasswordResetService } from './password-reset.service';
import { UserDirectoryService } from './user-directory.service';
import { UserService } from './user.service';

@Module({
  imports: [RegionModule],
  providers: [
    AuthService,
    LoginLimiter,
    OrganizationService,
    UserService,
    UserDirectoryService,
    UserResolver,
    OrganizationResolver,
    AddressBookService,
    AddressResolver,
    PasswordResetService,
    PasswordResetResolver,
    { provide: PASSWORD_RESET_DELIVERY, useClass: LogPasswordResetDelivery },
    { provide: PRINCIPAL_LOADER, useExisting: AuthService },
  ],
  exports: [AuthService, PasswordResetService, OrganizationService, UserService, AddressBookService, PRINCIPAL_LOADER],
})
export class IdentityModule {}
