import { enterpriseStatusWording, enterpriseStatusOf, legalFormOf } from './business-records.js';

describe('enterpriseStatusOf', () => {
  it.each([
    ['Đang hoạt động', 'active'],
    ['Tạm ngừng kinh doanh', 'suspended'],
    ['Không còn hoạt động kinh doanh tại địa chỉ đã đăng ký', 'not_operating_at_registered_address'],
    ['Đang làm thủ tục giải thể, đã bị chia, bị hợp nhất, bị sáp nhập', 'dissolving'],
    ['Đã giải thể, phá sản, chấm dứt tồn tại', 'dissolved'],
    ['Bị thu hồi GCNĐKDN do cưỡng chế về quản lý thuế', 'registration_revoked'],
  ])('maps "%s" to %s', (registryText, code) => {
    expect(enterpriseStatusOf(registryText)).toBe(code);
  });

  it('knows exactly the six official status strings', () => {
    expect(Object.keys(enterpriseStatusWording)).toHaveLength(6);
  });

  it('ignores Unicode form, case and spacing', () => {
    expect(enterpriseStatusOf('  ĐANG   HOẠT ĐỘNG '.normalize('NFD'))).toBe('active');
  });

  it('answers unknown for wording it does not know', () => {
    expect(enterpriseStatusOf('Đang hoạt động (đã xác minh)')).toBe('unknown');
  });
});

describe('legalFormOf', () => {
  it.each([
    ['Công ty trách nhiệm hữu hạn một thành viên', 'single_member_llc'],
    ['Công ty TNHH một thành viên', 'single_member_llc'],
    ['Công ty trách nhiệm hữu hạn hai thành viên trở lên', 'multi_member_llc'],
    ['Công ty TNHH hai thành viên trở lên', 'multi_member_llc'],
    ['Công ty cổ phần', 'joint_stock_company'],
    ['Công ty hợp danh', 'partnership'],
    ['Doanh nghiệp tư nhân', 'private_enterprise'],
    ['Chi nhánh', 'branch'],
    ['Hộ kinh doanh', 'household_business'],
  ])('maps "%s" to %s', (registryText, code) => {
    expect(legalFormOf(registryText)).toBe(code);
  });

  it('answers unknown for a form it does not know', () => {
    expect(legalFormOf('Hợp tác xã')).toBe('unknown');
  });
});
